package io.jpod.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

class AuthChallengeTest {

    @Test
    void parsesABearerChallengeWithQuotedCommasAndTheBasicScheme() {
        AuthChallenge bearer =
                AuthChallenge.parse(
                                "Bearer realm=\"https://auth.example/token\",service=\"reg\","
                                        + "scope=\"repository:a:pull,push\"")
                        .orElseThrow();
        assertTrue(bearer.bearer());
        assertEquals(
                Map.of(
                        "realm", "https://auth.example/token",
                        "service", "reg",
                        "scope", "repository:a:pull,push"),
                bearer.params());
        assertTrue(AuthChallenge.parse("Basic realm=\"x\"").orElseThrow().basic());
        assertEquals(Optional.empty(), AuthChallenge.parse(" "));
    }
}
