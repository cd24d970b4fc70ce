package io.jpod.model;

import java.util.regex.Pattern;

/**
 * Kubernetes' name rules (k8s.io/apimachinery/pkg/util/validation); each returns an error message
 * or null.
 */
final class Names {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern SVC_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern QUALIFIED =
            Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private Names() {}

    /** RFC 1123 label: container, volume and port-less names, hostname. */
    static String dnsLabel(String name) {
        if (name.length() > 63) {
            return "must be no more than 63 characters";
        }
        return LABEL.matcher(name).matches()
                ? null
                : "invalid name \""
                        + name
                        + "\": a lowercase RFC 1123 label must consist of lower case alphanumeric"
                        + " characters or '-', and must start and end with an alphanumeric"
                        + " character";
    }

    /** RFC 1123 subdomain: pod, ConfigMap, Secret and claim names. */
    static String dnsSubdomain(String name) {
        if (name.length() > 253) {
            return "must be no more than 253 characters";
        }
        return SUBDOMAIN.matcher(name).matches()
                ? null
                : "invalid name \""
                        + name
                        + "\": a lowercase RFC 1123 subdomain must consist of lower case"
                        + " alphanumeric characters, '-' or '.', and must start and end with an"
                        + " alphanumeric character";
    }

    /** IANA service name: port names. */
    static String portName(String name) {
        if (name.length() > 15) {
            return "port name \"" + name + "\" must be no more than 15 characters";
        }
        if (!SVC_NAME.matcher(name).matches() || name.contains("--")) {
            return "invalid port name \""
                    + name
                    + "\": must contain only lower case alphanumeric characters or '-',"
                    + " start and end with an alphanumeric character, and not contain \"--\"";
        }
        return name.chars().anyMatch(Character::isLetter)
                ? null
                : "port name \"" + name + "\" must contain at least one letter";
    }

    /** Label and annotation keys: an optional DNS subdomain prefix, '/', and a qualified name. */
    static String qualifiedKey(String key) {
        int slash = key.lastIndexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0 && (slash == 0 || dnsSubdomain(key.substring(0, slash)) != null)) {
            return "invalid key \"" + key + "\": the prefix must be a DNS subdomain";
        }
        if (name.isEmpty() || name.length() > 63 || !QUALIFIED.matcher(name).matches()) {
            return "invalid key \""
                    + key
                    + "\": the name part must be 63 characters or less, alphanumeric, '-', '_' or"
                    + " '.', starting and ending with an alphanumeric character";
        }
        return null;
    }

    static String labelValue(String value) {
        if (value.isEmpty()) {
            return null;
        }
        return value.length() <= 63 && QUALIFIED.matcher(value).matches()
                ? null
                : "invalid label value \""
                        + value
                        + "\": must be 63 characters or less, alphanumeric, '-', '_' or '.',"
                        + " starting and ending with an alphanumeric character";
    }

    /** Kubernetes 1.32+ (RelaxedEnvironmentVariableValidation): any printable ASCII but '='. */
    static String envName(String name) {
        if (name.isEmpty()) {
            return "required";
        }
        for (char c : name.toCharArray()) {
            if (c < 32 || c > 126 || c == '=') {
                return "invalid environment variable name \""
                        + name
                        + "\": must be printable ASCII and not contain '='";
            }
        }
        return null;
    }

    /** ConfigMap and Secret data keys. */
    static String configKey(String key) {
        if (key.length() > 253 || !CONFIG_KEY.matcher(key).matches()) {
            return "invalid key \""
                    + key
                    + "\": must consist of alphanumeric characters, '-', '_' or '.'";
        }
        return key.equals(".") || key.equals("..") ? "invalid key \"" + key + "\"" : null;
    }

    /** A relative path with no '..' element, for subPath and projected item paths. */
    static String relativePath(String path) {
        if (path.startsWith("/")) {
            return "must be a relative path";
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                return "must not contain '..'";
            }
        }
        return null;
    }
}
