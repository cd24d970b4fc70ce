package io.jpod.model;

import java.util.Base64;
import java.util.Map;

/**
 * A Secret. data holds base64 values (so equality is by content); stringData was merged in at load,
 * winning over data, as the API server does.
 */
public record SecretModel(String name, String namespace, String type, Map<String, String> data) {
    public boolean hasKey(String key) {
        return data.containsKey(key);
    }

    /** The key's decoded content, or null. */
    public byte[] bytes(String key) {
        String b64 = data.get(key);
        return b64 == null ? null : Base64.getDecoder().decode(b64);
    }
}
