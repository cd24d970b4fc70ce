package io.jpod.runtime.image.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;

/** The one Jackson mapper of the image store: unknown fields ignored, nulls not written. */
public final class Json {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .configure(SerializationFeature.INDENT_OUTPUT, false)
                    .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private Json() {}

    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    public static byte[] write(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    public static byte[] writePretty(Object value) throws IOException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
    }
}
