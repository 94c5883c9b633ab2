package io.cellgate.support;

import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;

import io.restassured.path.json.JsonPath;
import java.security.SecureRandom;
import java.util.Map;

/** IP pools unique to one test: a random block of 100.64.0.0/10 that overlaps no pool of other tests or runs. */
public final class TestPools {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPools() {
    }

    /** A new pool of the tenant, a /{@code prefix} (24 or longer), as the API answered its creation. */
    public static JsonPath newPool(String tenant, int prefix) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int block = RANDOM.nextInt(1 << 14);
            String cidr = "100." + (64 + (block >> 8)) + "." + (block & 255) + ".0/" + prefix;
            var response = as(OPS).body(Map.of("tenant_id", tenant, "name", "pool-" + block, "cidr", cidr))
                    .post("/api/v1/admin/ip-pools");
            if (response.statusCode() == 201) {
                return response.then().extract().jsonPath();
            }
            response.then().statusCode(409);
        }
        throw new AssertionError("no free block for a test pool");
    }
}
