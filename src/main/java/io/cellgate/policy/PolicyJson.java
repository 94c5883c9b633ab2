package io.cellgate.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Moves policy documents between the API's JSON (Jackson) and the database's jsonb (Vert.x). */
@ApplicationScoped
class PolicyJson {
    @Inject
    ObjectMapper json;

    JsonObject toDatabase(PolicyDocument policy) {
        try {
            return new JsonObject(json.writeValueAsString(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode toNode(JsonObject stored) {
        try {
            return json.readTree(stored == null ? "{}" : stored.encode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    PolicyDocument toPolicy(JsonObject stored) {
        try {
            return json.treeToValue(toNode(stored), PolicyDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
