package io.cellgate.contract;

import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Whether a contract keeps every promise of an earlier one: no operation removed, no change a generated client of the
 * earlier one would break on. Run by scripts/contract breaking against the last release:
 * {@code java -cp <test classpath> io.cellgate.contract.ContractCompatibility RELEASED CURRENT}; exits 1 on a break.
 */
public final class ContractCompatibility {
    private ContractCompatibility() {
    }

    /** What the current contract breaks of the released one; empty when it is compatible. */
    public static List<String> breaks(String released, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromLocations(released, current);
        List<String> breaks = new ArrayList<>();
        if (diff.isCompatible()) {
            return breaks;
        }
        diff.getMissingEndpoints().forEach(e -> breaks.add("removed: " + e.getMethod() + " " + e.getPathUrl()));
        diff.getChangedOperations().stream().filter(o -> !o.isCompatible())
                .forEach(o -> breaks.add("changed incompatibly: " + o.getHttpMethod() + " " + o.getPathUrl()));
        if (breaks.isEmpty()) {
            breaks.add("incompatible changes outside the operations (components, security)");
        }
        return breaks;
    }

    public static void main(String[] args) {
        List<String> breaks = breaks(args[0], args[1]);
        breaks.forEach(line -> System.out.println("contract: " + line));
        if (!breaks.isEmpty()) {
            System.out.println("contract: breaking changes need a new API version (/api/v2)");
            System.exit(1);
        }
        System.out.println("contract: compatible with " + args[0]);
    }
}
