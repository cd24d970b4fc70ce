package io.jpod.model;

/** A downwardAPI volume file: exactly one of fieldRef and resourceFieldRef. */
public record DownwardItem(
        String path, FieldRef fieldRef, ResourceFieldRef resourceFieldRef, Integer mode) {}
