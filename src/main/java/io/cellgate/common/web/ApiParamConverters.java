package io.cellgate.common.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imei;
import io.cellgate.common.id.Imsi;
import io.cellgate.common.id.Msisdn;
import io.cellgate.common.id.SimKey;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemMappers;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
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
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Path, query and header parameters become the API's own types at the edge: identifiers (an invalid ICCID cannot get
 * past here), UUIDs, RFC 3339 timestamps, and enums by their JSON names. A wrong value is a 422 naming the parameter
 * (JAX-RS alone would answer a bare 404, or hand the raw string to the database).
 */
@Provider
public class ApiParamConverters implements ParamConverterProvider {
    private static final Map<Class<?>, Value<?>> VALUES = Map.of(
            Iccid.class, new Value<>(Iccid::parse, "an ICCID: 19 or 20 digits with a Luhn check digit"),
            Imsi.class, new Value<>(Imsi::parse, "an IMSI: 15 digits"),
            Imei.class, new Value<>(Imei::parse, "an IMEI (15 digits) or IMEISV (16 digits)"),
            Msisdn.class, new Value<>(Msisdn::parse, "an E.164 number"),
            TenantId.class, new Value<>(TenantId::parse, "a tenant id: " + TenantId.PATTERN),
            SimKey.class, new Value<>(SimKey::parse, "an IMSI (15 digits) or an ICCID (19-20 digits)"),
            UUID.class, new Value<>(ApiParamConverters::uuid, "a UUID, e.g. 0b6f3f2e-6f0b-4a57-9a39-3c1e6f0d2a11"),
            Instant.class, new Value<>(ApiParamConverters::instant, "an RFC 3339 timestamp, e.g. 2026-11-26T12:00:00Z"),
            Integer.class, new Value<>(Integer::valueOf, "an integer"));

    /** A parameter type: how to make it from text, and what a valid value looks like. */
    private record Value<T>(Function<String, T> parse, String expected) {
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = Arrays.stream(annotations).map(ApiParamConverters::parameterName).filter(n -> n != null)
                .findFirst().orElse("parameter");
        Value<?> value = VALUES.get(rawType);
        if (value != null) {
            return new ValueConverter<>((Value<T>) value, name);
        }
        if (!rawType.isEnum() || !rawType.getPackageName().startsWith("io.cellgate")) {
            return null;
        }
        return new EnumConverter(rawType, name);
    }

    private static String parameterName(Annotation annotation) {
        if (annotation instanceof PathParam path) {
            return path.value();
        }
        if (annotation instanceof QueryParam query) {
            return query.value();
        }
        return annotation instanceof HeaderParam header ? header.value() : null;
    }

    private static WebApplicationException invalid(String parameter, String message) {
        return new WebApplicationException(ProblemMappers.respond(ProblemException.invalid(parameter, message)
                .toProblem(null)));
    }

    private static UUID uuid(String value) {
        if (value.length() != 36) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(value);
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private record ValueConverter<T>(Value<T> type, String parameter) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return type.parse().apply(value);
            } catch (IllegalArgumentException e) {
                throw invalid(parameter, "must be " + type.expected());
            }
        }

        @Override
        public String toString(T value) {
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
