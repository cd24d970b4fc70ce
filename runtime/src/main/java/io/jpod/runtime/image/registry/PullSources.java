package io.jpod.runtime.image.registry;

import io.jpod.runtime.image.ImageException;
import io.jpod.runtime.image.ImageRef;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an image name is pulled from, as registries.conf says: a short name through its alias or
 * the search registries, never silently from Docker Hub; a qualified name from its registry's
 * mirrors, then its location, unless blocked.
 */
public final class PullSources {

    /**
     * @param name what the image is called in the store
     * @param from where it is fetched from
     * @param insecure TLS not verified, plain HTTP allowed
     */
    public record Source(ImageRef name, ImageRef from, boolean insecure) {}

    private PullSources() {}

    /** The fully qualified names a reference may mean, in the order to try them. */
    public static List<ImageRef> qualify(String reference, RegistriesConf conf)
            throws ImageException {
        try {
            if (ImageRef.hasDomain(reference)) {
                return List.of(ImageRef.parse(reference));
            }
            ImageRef parsed = ImageRef.parse(reference);
            String suffix = parsed.toString().substring(parsed.repository().length());
            String shortName = reference.substring(0, reference.length() - suffixLength(reference));
            String alias = conf.aliases().get(shortName);
            if (alias != null) {
                return List.of(ImageRef.parse(alias + suffix));
            }
            if (conf.searchRegistries().isEmpty()) {
                throw new ImageException(
                        "short-name "
                                + reference
                                + " did not resolve: no unqualified-search-registries are"
                                + " configured in registries.conf; use a fully qualified name such"
                                + " as docker.io/library/"
                                + reference
                                + " or localhost/"
                                + reference
                                + " for a local image");
            }
            List<ImageRef> names = new ArrayList<>();
            for (String registry : conf.searchRegistries()) {
                names.add(ImageRef.parse(registry + "/" + reference));
            }
            return names;
        } catch (IllegalArgumentException e) {
            throw new ImageException(e.getMessage(), e);
        }
    }

    /** The sources to try for a qualified name: mirrors first, then the registry itself. */
    public static List<Source> sources(ImageRef name, RegistriesConf conf) throws ImageException {
        RegistriesConf.Registry match = null;
        for (RegistriesConf.Registry r : conf.registries()) {
            if (matches(r.prefix(), name)
                    && (match == null || r.prefix().length() > match.prefix().length())) {
                match = r;
            }
        }
        if (match == null) {
            return List.of(new Source(name, name, false));
        }
        if (match.blocked()) {
            throw new ImageException(
                    "registry " + name.domain() + " is blocked in registries.conf: " + name);
        }
        List<Source> sources = new ArrayList<>();
        try {
            for (RegistriesConf.Mirror m : match.mirrors()) {
                sources.add(
                        new Source(
                                name, rewrite(name, match.prefix(), m.location()), m.insecure()));
            }
            sources.add(
                    new Source(
                            name,
                            rewrite(name, match.prefix(), match.location()),
                            match.insecure()));
        } catch (IllegalArgumentException e) {
            throw new ImageException("registries.conf: " + e.getMessage(), e);
        }
        return sources;
    }

    private static boolean matches(String prefix, ImageRef name) {
        if (prefix.startsWith("*.")) {
            return name.domain().endsWith(prefix.substring(1));
        }
        String repository = name.repository();
        return repository.equals(prefix) || repository.startsWith(prefix + "/");
    }

    private static ImageRef rewrite(ImageRef name, String prefix, String location) {
        if (prefix.startsWith("*.") || location.equals(prefix)) {
            return name;
        }
        String rest = name.toString().substring(prefix.length());
        return ImageRef.parse(location + rest);
    }

    /** The length of a reference's ":tag" and "@digest" ending. */
    private static int suffixLength(String reference) {
        int at = reference.indexOf('@');
        String base = at < 0 ? reference : reference.substring(0, at);
        int colon = base.lastIndexOf(':');
        int cut = colon > base.lastIndexOf('/') ? colon : base.length();
        return reference.length() - cut;
    }
}
