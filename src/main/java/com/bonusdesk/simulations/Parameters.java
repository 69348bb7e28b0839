package com.bonusdesk.simulations;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** A plan's rules as one line per parameter ({@code tiers[1].bonus = 100.00}), to put simulations side by side. */
final class Parameters {

    private Parameters() {
    }

    static Map<String, String> flatten(JsonNode rules) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", rules, flat);
        return flat;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            node.properties().forEach(field -> flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                    field.getValue(), flat));
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                flatten(path + "[" + index + "]", node.get(index), flat);
            }
        } else {
            flat.put(path, node.isNull() ? "—" : node.asString());
        }
    }
}
