package io.cellgate.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

/** The service's /q/metrics as Prometheus scrapes it: a series' value, summed over the series that carry the labels. */
public final class PrometheusMetrics {
    private PrometheusMetrics() {
    }

    public static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of {@code name}'s series whose labels include all of {@code labels} (0 when there is none). */
    public static double sum(String name, Map<String, String> labels) {
        double total = 0;
        for (String line : scrape().split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf(' '));
            if (labels.entrySet().stream().allMatch(l -> series.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
