package io.jpod.runtime.state;

import io.jpod.runtime.spec.SpecInput;

import java.time.Instant;
import java.util.List;

/**
 * What jpod knows of one container between invocations. The running status is never stored: it is
 * derived from the process ({@link #pid()} with {@link #pidStartTime()}) and conmon's exit file, so
 * a crash cannot make it lie. Its config.json is generated from {@link #spec()}, never read back.
 *
 * @param spec what the container's OCI spec is generated from; null in records of an older jpod
 * @param stoppedByUser set by {@code jpod stop}: the pod's restartPolicy leaves the container
 *     stopped until it is started again; absent (false) in records of an older jpod
 */
public record ContainerRecord(
        String id,
        String name,
        String podId,
        boolean infra,
        String image,
        String imageId,
        List<String> command,
        String bundle,
        String rootfs,
        boolean overlay,
        Instant created,
        Instant startedAt,
        long conmonPid,
        long pid,
        long pidStartTime,
        int restartCount,
        SpecInput spec,
        boolean stoppedByUser) {

    /** A container no user has stopped. */
    public ContainerRecord(
            String id,
            String name,
            String podId,
            boolean infra,
            String image,
            String imageId,
            List<String> command,
            String bundle,
            String rootfs,
            boolean overlay,
            Instant created,
            Instant startedAt,
            long conmonPid,
            long pid,
            long pidStartTime,
            int restartCount,
            SpecInput spec) {
        this(
                id,
                name,
                podId,
                infra,
                image,
                imageId,
                command,
                bundle,
                rootfs,
                overlay,
                created,
                startedAt,
                conmonPid,
                pid,
                pidStartTime,
                restartCount,
                spec,
                false);
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    public ContainerRecord restarted() {
        return new ContainerRecord(
                id,
                name,
                podId,
                infra,
                image,
                imageId,
                command,
                bundle,
                rootfs,
                overlay,
                created,
                startedAt,
                conmonPid,
                pid,
                pidStartTime,
                restartCount + 1,
                spec,
                stoppedByUser);
    }

    /** Whatever starts the container again undoes a user's stop. */
    public ContainerRecord started(long conmon, long newPid, long newStartTime, Instant at) {
        return new ContainerRecord(
                id,
                name,
                podId,
                infra,
                image,
                imageId,
                command,
                bundle,
                rootfs,
                overlay,
                created,
                at,
                conmon,
                newPid,
                newStartTime,
                restartCount,
                spec,
                false);
    }

    /** Marked by {@code jpod stop} before it signals the container. */
    public ContainerRecord asStoppedByUser() {
        return new ContainerRecord(
                id,
                name,
                podId,
                infra,
                image,
                imageId,
                command,
                bundle,
                rootfs,
                overlay,
                created,
                startedAt,
                conmonPid,
                pid,
                pidStartTime,
                restartCount,
                spec,
                true);
    }
}
