package io.cellgate.support;

import static io.cellgate.support.Api.as;

import io.cellgate.common.id.Luhn;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SIMs unique to one test: a random 9-digit block prefix per batch, so tests never collide, need no clean-up and can
 * run in any order against a database that already holds other tests' SIMs.
 */
public final class TestSims {
    private static final SecureRandom RANDOM = new SecureRandom();

    public final String prefix;
    public final List<String> iccids = new ArrayList<>();
    public final List<Map<String, Object>> rows = new ArrayList<>();

    private TestSims(int count) {
        long block = 100_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 900_000_000L;
        prefix = "8999" + block;
        for (int i = 0; i < count; i++) {
            String payload = prefix + String.format("%06d", i);
            String iccid = payload + Luhn.checkDigit(payload);
            iccids.add(iccid);
            Map<String, Object> row = new HashMap<>();
            row.put("iccid", iccid);
            row.put("imsi", "9" + block + String.format("%05d", i));
            row.put("msisdn", "+99" + block + String.format("%04d", i));
            rows.add(row);
        }
    }

    /** Generates SIMs without importing them. */
    public static TestSims generate(int count) {
        return new TestSims(count);
    }

    /** Imports new SIMs into stock. */
    public static TestSims inStock(int count) {
        TestSims sims = new TestSims(count);
        as(Api.OPS).body(sims.rows).post("/api/v1/admin/sims/import").then().statusCode(201);
        return sims;
    }

    /** Imports new SIMs and assigns them to a tenant: they are ready. */
    public static TestSims assignedTo(String tenant, int count) {
        TestSims sims = inStock(count);
        as(Api.OPS).body(Map.of("tenant_id", tenant, "iccids", sims.iccids)).post("/api/v1/admin/sims/assign")
                .then().statusCode(200);
        return sims;
    }

    public String first() {
        return iccids.get(0);
    }
}
