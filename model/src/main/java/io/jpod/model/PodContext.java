package io.jpod.model;

/** Runtime facts the downward API exposes. */
public record PodContext(String podIP, String hostIP, String nodeName) {}
