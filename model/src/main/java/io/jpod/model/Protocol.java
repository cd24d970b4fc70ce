package io.jpod.model;

/** A container port's protocol. */
public enum Protocol implements Spelled {
    TCP("TCP"),
    UDP("UDP"),
    SCTP("SCTP");

    private final String spelling;

    Protocol(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
