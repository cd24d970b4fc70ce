package io.jpod.model;

import java.util.Map;

/** A ConfigMap; binaryData values stay base64 as written. */
public record ConfigMapModel(
        String name, String namespace, Map<String, String> data, Map<String, String> binaryData) {
    public boolean hasKey(String key) {
        return data.containsKey(key) || binaryData.containsKey(key);
    }

    /** The key's content as bytes, or null. */
    public byte[] bytes(String key) {
        if (data.containsKey(key)) {
            return data.get(key).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        String b64 = binaryData.get(key);
        return b64 == null ? null : java.util.Base64.getDecoder().decode(b64);
    }
}
