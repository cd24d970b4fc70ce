package io.jpod.runtime.pod;

import io.jpod.runtime.host.HostLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Localhost seccomp profiles: files under jpod's profiles directory, {@code DATA/seccomp} ({@code
 * ~/.local/share/jpod/seccomp}, or {@code /var/lib/jpod/seccomp} as root), as the kubelet reads
 * {@code localhostProfile} under its {@code /var/lib/kubelet/seccomp}. Read when the container is
 * created, so that its record holds the profile it runs with.
 */
public final class SeccompProfiles {

    private SeccompProfiles() {}

    public static Path root(HostLayout layout) {
        return layout.dataDir().resolve("seccomp");
    }

    /** The plan with its Localhost profile's content; other plans as they are. */
    static ContainerPlan read(HostLayout layout, String container, ContainerPlan c)
            throws PodException {
        String name = c.confinement().localhostPath();
        if (name == null) {
            return c;
        }
        Path root = root(layout);
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new PodException(
                    "container "
                            + container
                            + ": seccomp localhostProfile "
                            + name
                            + " leaves the profiles directory "
                            + root);
        }
        try {
            return c.with(c.confinement().withLocalhostProfile(Files.readString(file)));
        } catch (IOException e) {
            throw new PodException(
                    "container "
                            + container
                            + ": cannot read seccomp localhostProfile "
                            + name
                            + " (looked for "
                            + file
                            + "): "
                            + e.getMessage(),
                    e);
        }
    }
}
