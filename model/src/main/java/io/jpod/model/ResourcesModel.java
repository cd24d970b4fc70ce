package io.jpod.model;

import java.util.Map;

/**
 * Requests and limits by resource name; requests already default to limits, as the API server does.
 */
public record ResourcesModel(Map<String, Quantity> requests, Map<String, Quantity> limits) {
    public static final ResourcesModel NONE = new ResourcesModel(Map.of(), Map.of());
}
