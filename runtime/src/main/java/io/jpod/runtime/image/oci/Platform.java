package io.jpod.runtime.image.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** The platform of a manifest in an index. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Platform(String os, String architecture, String variant) {

    /** This machine, in Go's names (what images use). */
    public static Platform host() {
        return new Platform("linux", goArch(System.getProperty("os.arch")), null);
    }

    /** {@code os/arch[/variant]}, as {@code --platform} takes it. */
    public static Platform parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
            throw new IllegalArgumentException(
                    "invalid platform " + text + ": expected os/arch[/variant], e.g. linux/arm64");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    static String goArch(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> javaArch;
        };
    }

    /** Whether an index entry for {@code other} runs here; the variant is not compared. */
    public boolean runs(Platform other) {
        return other != null && os.equals(other.os) && architecture.equals(other.architecture);
    }
}
