package io.jpod.runtime.image.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the privileged operations so extraction can be tested without root; whiteouts become
 * empty files.
 */
public final class RecordingFileOps implements FileOps {

    public record Owner(int uid, int gid) {}

    // the store extracts layers in parallel
    public final Map<Path, Owner> owners = Collections.synchronizedMap(new HashMap<>());
    public final List<Path> whiteouts = Collections.synchronizedList(new ArrayList<>());
    public final List<Path> opaque = Collections.synchronizedList(new ArrayList<>());
    private final long mappedIds;

    public RecordingFileOps() {
        this(65537);
    }

    /** Fails like chown in a user namespace for ids at or above {@code mappedIds}. */
    public RecordingFileOps(long mappedIds) {
        this.mappedIds = mappedIds;
    }

    @Override
    public void chown(Path path, int uid, int gid) throws LayerException {
        if (Integer.toUnsignedLong(uid) >= mappedIds || Integer.toUnsignedLong(gid) >= mappedIds) {
            throw new LayerException(
                    "cannot set owner "
                            + uid
                            + ":"
                            + gid
                            + " of "
                            + path.getFileName()
                            + ": the id is not mapped in the user namespace");
        }
        owners.put(path, new Owner(uid, gid));
    }

    @Override
    public void makeWhiteout(Path path) throws IOException {
        Files.createFile(path);
        whiteouts.add(path);
    }

    @Override
    public void markOpaque(Path dir) {
        opaque.add(dir);
    }

    @Override
    public void makeFifo(Path path) throws IOException {
        new NativeFileOps().makeFifo(path);
    }
}
