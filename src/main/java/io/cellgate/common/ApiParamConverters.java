package io.cellgate.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query parameters of the API's enum types take the same lowercase names as JSON, timestamps are RFC 3339, and a
 * wrong value is a 422 naming the parameter (JAX-RS alone would answer a bare 404).
 */
@Provider
public class ApiParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = Arrays.stream(annotations).filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value())
                .findFirst().orElse("parameter");
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new InstantConverter(name);
        }
        if (!rawType.isEnum() || !rawType.getPackageName().startsWith("io.cellgate")) {
            return null;
        }
        return new EnumConverter(rawType, name);
    }

    private static WebApplicationException invalid(String parameter, String message) {
        return new WebApplicationException(ProblemMappers.respond(ProblemException.invalid(parameter, message)
                .toProblem(null)));
    }

    private record InstantConverter(String parameter) implements ParamConverter<Instant> {
        @Override
        public Instant fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(parameter, "an RFC 3339 timestamp, e.g. 2026-11-26T12:00:00Z");
            }
        }

        @Override
        public String toString(Instant value) {
            return value.toString();
        }
    }

    private static final class EnumConverter<E extends Enum<E>> implements ParamConverter<E> {
        private final Map<String, E> byName;
        private final String parameter;

        EnumConverter(Class<E> type, String parameter) {
            this.byName = Arrays.stream(type.getEnumConstants())
                    .collect(Collectors.toMap(EnumConverter::apiName, Function.identity()));
            this.parameter = parameter;
        }

        @Override
        public E fromString(String value) {
            E constant = value == null ? null : byName.get(value);
            if (value != null && constant == null) {
                throw invalid(parameter, "must be one of " + String.join(", ", byName.keySet().stream().sorted().toList()));
            }
            return constant;
        }

        @Override
        public String toString(E value) {
            return apiName(value);
        }

        private static String apiName(Enum<?> constant) {
            try {
                JsonProperty property = constant.getDeclaringClass().getField(constant.name())
                        .getAnnotation(JsonProperty.class);
                return property != null ? property.value() : constant.name().toLowerCase();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
