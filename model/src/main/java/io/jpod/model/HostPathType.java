package io.jpod.model;

/** What a hostPath volume must be; UNSET checks nothing. */
public enum HostPathType implements Spelled {
    UNSET(""),
    DIRECTORY_OR_CREATE("DirectoryOrCreate"),
    DIRECTORY("Directory"),
    FILE_OR_CREATE("FileOrCreate"),
    FILE("File"),
    SOCKET("Socket"),
    CHAR_DEVICE("CharDevice"),
    BLOCK_DEVICE("BlockDevice");

    private final String spelling;

    HostPathType(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
