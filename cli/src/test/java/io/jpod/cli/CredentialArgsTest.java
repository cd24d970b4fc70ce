package io.jpod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jpod.runtime.userns.Reexec;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class CredentialArgsTest {

    @Test
    void credsMoveFromTheArgumentsIntoTheEnvironment() {
        Reexec.Relaunch r =
                CredentialArgs.relaunch(
                        new String[] {"pull", "--creds", "u:p", "-q", "reg.example/app:1"});
        assertEquals(5, r.replaced());
        assertEquals(List.of("pull", "-q", "reg.example/app:1"), r.args());
        assertEquals(Map.of("JPOD_CREDS", "u:p"), r.env());

        Reexec.Relaunch joined =
                CredentialArgs.relaunch(new String[] {"play", "kube", "--creds=u:p:x", "a.yaml"});
        assertEquals(List.of("play", "kube", "a.yaml"), joined.args());
        assertEquals(Map.of("JPOD_CREDS", "u:p:x"), joined.env());
    }

    @Test
    void otherCommandsAndArgumentsAfterADoubleDashAreLeftAlone() {
        assertEquals(
                Reexec.Relaunch.SAME,
                CredentialArgs.relaunch(new String[] {"exec", "ctr", "tool", "--creds", "x"}));
        assertEquals(
                Reexec.Relaunch.SAME, CredentialArgs.relaunch(new String[] {"pull", "reg/app:1"}));
    }
}
