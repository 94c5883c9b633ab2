package io.cellgate.common.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Strict JSON: "5" is not a number and 5 is not a string, so a client's type bug gets a clear 422; every string is
 * checked for characters the database cannot or should not hold ({@link UntrustedStrings}); and a body may nest at
 * most {@value #MAX_NESTING} levels deep and hold no number longer than {@value #MAX_NUMBER_LENGTH} digits, far more
 * than any document of the API needs and far less than what would cost the parser.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {
    public static final int MAX_NESTING = 32;
    public static final int MAX_NUMBER_LENGTH = 40;

    @Override
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        var textual = mapper.coercionConfigFor(LogicalType.Textual);
        textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        textual.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        textual.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new UntrustedStrings());
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_LENGTH).build());
    }
}
