package io.jpod.model;

import java.util.List;

/** Extra resolv.conf settings; options values may be null. */
public record DnsConfig(List<String> nameservers, List<String> searches, List<Option> options) {
    public record Option(String name, String value) {}
}
