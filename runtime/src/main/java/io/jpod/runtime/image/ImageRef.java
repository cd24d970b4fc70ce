package io.jpod.runtime.image;

import io.jpod.runtime.image.blob.Digest;

import java.util.regex.Pattern;

/**
 * An image reference split into its parts, with Docker's defaults filled in: {@code busybox} is
 * {@code docker.io/library/busybox:latest}. A first component with a dot or a port, or {@code
 * localhost}, is a registry. Parsing throws {@link IllegalArgumentException} with a message fit for
 * the user.
 *
 * @param tag null when only a digest is given
 * @param digest {@code sha256:<hex>} or null
 */
public record ImageRef(String domain, String path, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";
    public static final String LOCALHOST = "localhost";

    private static final Pattern DOMAIN =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]+)?");
    private static final Pattern COMPONENT =
            Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    /** Parses with Docker Hub as the registry of names without one. */
    public static ImageRef parse(String reference) {
        return parse(reference, DOCKER_HUB);
    }

    /**
     * Parses with {@code localhost} as the registry of names without one, as {@code podman import}
     * does.
     */
    public static ImageRef parseLocal(String reference) {
        return parse(reference, LOCALHOST);
    }

    /** {@code busybox} → {@code docker.io/library/busybox:latest}. */
    public static String normalize(String name) {
        return parse(name).toString();
    }

    /** {@code myimg} → {@code localhost/myimg:latest}. */
    public static String normalizeLocal(String name) {
        return parseLocal(name).toString();
    }

    /** Whether the reference names its registry. */
    public static boolean hasDomain(String reference) {
        int slash = reference.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String first = reference.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals(LOCALHOST);
    }

    private static ImageRef parse(String reference, String defaultDomain) {
        if (reference == null || reference.isEmpty()) {
            throw new IllegalArgumentException("invalid image reference: empty");
        }
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            try {
                Digest.parse(digest);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "invalid image reference " + reference + ": bad digest " + digest, e);
            }
        }
        String domain = defaultDomain;
        if (hasDomain(rest)) {
            int slash = rest.indexOf('/');
            domain = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
            if (!DOMAIN.matcher(domain).matches()) {
                throw new IllegalArgumentException(
                        "invalid image reference " + reference + ": bad registry " + domain);
            }
            if (domain.equals("index.docker.io")) {
                domain = DOCKER_HUB;
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException(
                        "invalid image reference " + reference + ": bad tag " + tag);
            }
        }
        for (String component : rest.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw new IllegalArgumentException(
                        "invalid image reference "
                                + reference
                                + (component.matches(".*[A-Z].*")
                                        ? ": repository names must be lowercase"
                                        : ": bad name " + rest));
            }
        }
        if (domain.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageRef(domain, rest, tag, digest);
    }

    /** {@code domain/path} without tag or digest. */
    public String repository() {
        return domain + "/" + path;
    }

    @Override
    public String toString() {
        return repository() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
