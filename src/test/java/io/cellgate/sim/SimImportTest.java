package io.cellgate.sim;

import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SimImportTest {

    @Test
    void importsAJsonArrayIntoStock() {
        TestSims sims = TestSims.generate(3);
        sims.rows.get(0).put("labels", Map.of("batch", "b-1"));
        String msisdn = (String) sims.rows.get(1).get("msisdn");
        sims.rows.get(1).put("msisdn", msisdn.substring(1));
        sims.rows.get(2).remove("msisdn");

        as(OPS).body(sims.rows).post("/api/v1/admin/sims/import").then().statusCode(201).body("count", equalTo(3));

        as(OPS).queryParam("iccid_prefix", sims.prefix).get("/api/v1/admin/sims").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.status", equalTo(List.of("stock", "stock", "stock")))
                .body("items[0].labels.batch", equalTo("b-1"))
                .body("items[0].tenant_id", equalTo(null))
                .body("items[1].msisdn", equalTo(msisdn))
                .body("items[2].msisdn", equalTo(null));
    }

    @Test
    void importsCsvWithLabelColumnsAndQuotedFields() {
        TestSims sims = TestSims.generate(2);
        String csv = "iccid,imsi,msisdn,label:site\r\n"
                + sims.iccids.get(0) + "," + sims.rows.get(0).get("imsi") + "," + sims.rows.get(0).get("msisdn")
                + ",\"Hamburg, Port\"\r\n"
                + sims.iccids.get(1) + "," + sims.rows.get(1).get("imsi") + ",,\n";

        as(OPS).contentType("text/csv").body(csv).post("/api/v1/admin/sims/import")
                .then().statusCode(201).body("count", equalTo(2));
        as(OPS).get("/api/v1/admin/sims/" + sims.iccids.get(0)).then().statusCode(200)
                .body("labels.site", equalTo("Hamburg, Port")).body("status", equalTo("stock"));
        as(OPS).get("/api/v1/admin/sims/" + sims.iccids.get(1)).then().statusCode(200)
                .body("msisdn", equalTo(null)).body("labels.size()", equalTo(0));
    }

    @Test
    void rejectsTheWholeImportListingEveryBadRow() {
        TestSims sims = TestSims.generate(6);
        List<Map<String, Object>> rows = new ArrayList<>(sims.rows);
        rows.get(1).put("iccid", flipLastDigit(sims.iccids.get(1)));
        rows.get(2).put("imsi", "12345");
        rows.get(3).put("msisdn", "0049-170");
        rows.get(4).put("iccid", sims.iccids.get(0));
        rows.get(5).put("labels", Map.of("bad key!", "x"));

        problem(as(OPS).body(rows).post("/api/v1/admin/sims/import").then(), 422, "import-rejected")
                .body("error_count", equalTo(5))
                .body("errors.row", hasItems(2, 3, 4, 5, 6))
                .body("errors.find { it.row == 2 }.field", equalTo("iccid"))
                .body("errors.find { it.row == 3 }.field", equalTo("imsi"))
                .body("errors.find { it.row == 4 }.field", equalTo("msisdn"))
                .body("errors.find { it.row == 5 }.message", equalTo("duplicate of row 1"))
                .body("errors.find { it.row == 6 }.field", equalTo("labels.bad key!"));

        // nothing was half-imported: not even the valid first row
        problem(as(OPS).get("/api/v1/admin/sims/" + sims.iccids.get(0)).then(), 404, "not-found");
    }

    @Test
    void rejectsSimsAlreadyInTheSystem() {
        TestSims existing = TestSims.inStock(2);
        TestSims fresh = TestSims.generate(2);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(fresh.rows.get(0));
        Map<String, Object> sameIccid = new HashMap<>(fresh.rows.get(1));
        sameIccid.put("iccid", existing.iccids.get(0));
        rows.add(sameIccid);
        Map<String, Object> sameImsi = new HashMap<>(existing.rows.get(1));
        sameImsi.put("iccid", TestSims.generate(1).first());
        sameImsi.remove("msisdn");
        rows.add(sameImsi);

        problem(as(OPS).body(rows).post("/api/v1/admin/sims/import").then(), 422, "import-rejected")
                .body("errors", hasSize(2))
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("iccid"))
                .body("errors[0].message", equalTo("already in the system"))
                .body("errors[1].row", equalTo(3)).body("errors[1].field", equalTo("imsi"));
        problem(as(OPS).get("/api/v1/admin/sims/" + fresh.iccids.get(0)).then(), 404, "not-found");
    }

    @Test
    void malformedImportsGetClearProblems() {
        problem(as(OPS).body("[{\"iccid\": ").post("/api/v1/admin/sims/import").then(), 400, "malformed-json");
        problem(as(OPS).body("[]").post("/api/v1/admin/sims/import").then(), 422, "validation-failed");
        problem(as(OPS).body("[{\"iccid\": \"1\", \"imsi\": \"2\", \"sim_key\": \"x\"}]")
                .post("/api/v1/admin/sims/import").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("[0].sim_key"));
        problem(as(OPS).contentType("text/csv").body("iccid,imsi,ki\n1,2,3\n").post("/api/v1/admin/sims/import").then(),
                422, "validation-failed")
                .body("errors[0].field", equalTo("header"));
        problem(as(OPS).contentType("text/csv").body("iccid,imsi\n1,2,3\n").post("/api/v1/admin/sims/import").then(),
                422, "import-rejected")
                .body("errors[0].row", equalTo(1));
        problem(as(OPS).contentType("application/xml").body("<sims/>").post("/api/v1/admin/sims/import").then(),
                415, "unsupported-media-type");
    }

    private static String flipLastDigit(String iccid) {
        char last = iccid.charAt(iccid.length() - 1);
        return iccid.substring(0, iccid.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }
}
