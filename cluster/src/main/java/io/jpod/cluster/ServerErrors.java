package io.jpod.cluster;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

/**
 * A failed request as one line a person can act on: which object, what the server said, and for a
 * conflict which field another field manager owns.
 */
final class ServerErrors {
    /** The API server's words for a conflict cause: {@code conflict with "kubectl" using v1}. */
    private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]*)\"");

    private ServerErrors() {}

    static String describe(String object, KubernetesClientException e, String server) {
        Throwable unreachable = unreachable(e);
        if (unreachable != null) {
            return "cannot reach the cluster at "
                    + server
                    + ": "
                    + ClusterApply.firstLine(unreachable);
        }
        Status status = e.getStatus();
        String said =
                status != null && status.getMessage() != null
                        ? status.getMessage()
                        : ClusterApply.firstLine(e);
        return switch (e.getCode()) {
            case 401 ->
                    "the cluster at "
                            + server
                            + " refused the credentials of the kubeconfig (401 Unauthorized)";
            case 403 -> object + ": forbidden (403): " + said;
            case 409 -> conflict(object, status, said);
            case 422 -> object + ": invalid (422): " + said;
            default -> object + ": " + said + (e.getCode() > 0 ? " (" + e.getCode() + ")" : "");
        };
    }

    /** Failures that every further object would meet too. */
    static boolean isFatal(KubernetesClientException e) {
        return unreachable(e) != null || e.getCode() == 401;
    }

    private static String conflict(String object, Status status, String said) {
        List<String> fields = new ArrayList<>();
        if (status != null
                && status.getDetails() != null
                && status.getDetails().getCauses() != null) {
            for (StatusCause c : status.getDetails().getCauses()) {
                if (c.getField() == null) {
                    continue;
                }
                Matcher m = MANAGER.matcher(c.getMessage() == null ? "" : c.getMessage());
                fields.add(
                        c.getField()
                                + (m.find()
                                        ? " is owned by field manager \"" + m.group(1) + "\""
                                        : ""));
            }
        }
        if (fields.isEmpty()) {
            return object + ": conflict (409): " + said;
        }
        return object
                + ": conflict: "
                + String.join(", ", fields)
                + "; jpod applies as field manager \""
                + ApplyRequest.FIELD_MANAGER
                + "\" and takes such fields over only with --force-conflicts";
    }

    private static Throwable unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof HttpTimeoutException
                    || t instanceof SSLException) {
                return t;
            }
            if (t instanceof IOException
                    && t.getCause() == null
                    && e instanceof KubernetesClientException k
                    && k.getCode() == 0) {
                return t;
            }
        }
        return null;
    }
}
