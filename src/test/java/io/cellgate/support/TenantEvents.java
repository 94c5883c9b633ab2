package io.cellgate.support;

import static io.cellgate.support.Api.as;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** Reading a tenant's events through the API, as its users do, each event checked against the contract. */
public final class TenantEvents {
    private TenantEvents() {
    }

    /** All events of one SIM so far, oldest first, paging through the list. */
    public static List<Map<String, Object>> ofSim(String user, String iccid) {
        List<Map<String, Object>> events = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = as(user).queryParam("iccid", iccid).queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            events.addAll(page.getList("items"));
            cursor = page.getString("next_cursor");
            more = page.getBoolean("has_more");
        }
        events.forEach(PublishedEventSchemas::assertConforms);
        return events;
    }

    /** The SIM's events once there are at least {@code count} (they are visible once committed). */
    public static List<Map<String, Object>> awaitOfSim(String user, String iccid, int count) {
        List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            last.set(0, ofSim(user, iccid));
            return last.get(0).size() >= count;
        });
        return last.get(0);
    }

    /** The SIM's events of one type, once there is at least one. */
    public static List<Map<String, Object>> awaitOfType(String user, String iccid, String type) {
        List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            last.set(0, ofSim(user, iccid).stream().filter(e -> type.equals(e.get("type"))).toList());
            return !last.get(0).isEmpty();
        });
        return last.get(0);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }

    public static List<Object> types(List<Map<String, Object>> events) {
        return events.stream().map(e -> e.get("type")).toList();
    }
}
