package io.jpod.runtime.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A registry user name and password (or token). Never printed: {@link #toString} hides both. */
public record Credentials(String username, String password) {

    /** {@code --creds USER:PASSWORD}; the password may itself contain colons. */
    public static Credentials parse(String userColonPassword) {
        int colon = userColonPassword.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("credentials must be USERNAME:PASSWORD");
        }
        return new Credentials(
                userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
    }

    /** Decodes auth.json's {@code auth}: base64 of {@code user:password}. */
    public static Credentials decode(String auth) {
        String plain;
        try {
            plain = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an auth entry is not valid base64");
        }
        return parse(plain);
    }

    /** base64 of {@code user:password}, as auth.json and the Basic scheme spell it. */
    public String encode() {
        return Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String basicAuthorization() {
        return "Basic " + encode();
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=<hidden>]";
    }
}
