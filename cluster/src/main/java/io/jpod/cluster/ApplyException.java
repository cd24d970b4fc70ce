package io.jpod.cluster;

import java.util.List;

/** An apply that failed, in one message per problem (an object, the kubeconfig, the server). */
public final class ApplyException extends Exception {
    private final List<String> messages;

    ApplyException(List<String> messages, Throwable cause) {
        super(String.join("; ", messages), cause);
        this.messages = List.copyOf(messages);
    }

    ApplyException(String message) {
        this(List.of(message), null);
    }

    public List<String> messages() {
        return messages;
    }
}
