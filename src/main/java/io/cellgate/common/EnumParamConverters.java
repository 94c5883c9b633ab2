package io.cellgate.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query parameters of the API's enum types take the same lowercase names as JSON, and a wrong value is a 422 naming
 * the parameter and the allowed values (JAX-RS alone would answer a bare 404).
 */
@Provider
public class EnumParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum() || !rawType.getPackageName().startsWith("io.cellgate")) {
            return null;
        }
        String name = Arrays.stream(annotations).filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value())
                .findFirst().orElse("parameter");
        return new EnumConverter(rawType, name);
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
                Problem problem = ProblemException.invalid(parameter,
                        "must be one of " + String.join(", ", byName.keySet().stream().sorted().toList())).toProblem(null);
                throw new WebApplicationException(ProblemMappers.respond(problem));
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
