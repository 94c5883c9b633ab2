package io.cellgate.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MFA policy, call by call: which calls need a second factor and which do not. */
@Tag("unit")
class MfaPolicyTest {

    @ParameterizedTest(name = "{0} {1} needs MFA: {2}")
    @CsvSource({
        "GET,    /api/v1/admin/tenants,                           true",
        "POST,   /api/v1/admin/tenants,                           true",
        "PATCH,  /api/v1/admin/tenants/acme,                      true",
        "POST,   /api/v1/admin/sims/import,                       true",
        "POST,   /api/v1/admin/sims/assign,                       true",
        "GET,    /api/v1/admin/decisions/262010000000001,         true",
        "POST,   /api/v1/admin/ip-pools,                          true",
        "DELETE, /api/v1/admin/ip-pools/0b6f3f2e,                 true",
        "POST,   /api/v1/sims/89490200000000000013/terminate,     true",
        "POST,   /api/v1/service-profiles,                        true",
        "PATCH,  /api/v1/service-profiles/0b6f3f2e,               true",
        "DELETE, /api/v1/service-profiles/0b6f3f2e,               true",
        "POST,   /api/v1/ip-pools/0b6f3f2e/bulk-assignments,      true",
        "GET,    /api/v1/users,                                   true",
        "POST,   /api/v1/service-accounts,                        true",
        "GET,    /api/v1/sims,                                    false",
        "GET,    /api/v1/sims/89490200000000000013,               false",
        "PATCH,  /api/v1/sims/89490200000000000013,               false",
        "POST,   /api/v1/sims/89490200000000000013/activate,      false",
        "POST,   /api/v1/sims/89490200000000000013/suspend,       false",
        "POST,   /api/v1/sims/bulk-actions,                       false",
        "GET,    /api/v1/service-profiles,                        false",
        "GET,    /api/v1/service-profiles/0b6f3f2e,               false",
        "PATCH,  /api/v1/sims/89490200000000000013/policy,        false",
        "PUT,    /api/v1/sims/89490200000000000013/ip-address,    false",
        "GET,    /api/v1/ip-pools,                                false",
        "GET,    /api/v1/jobs/0b6f3f2e,                           false",
        "GET,    /api/v1/administrators,                          false",
    })
    void decidesCallByCall(String method, String path, boolean needsMfa) {
        assertEquals(needsMfa, MfaPolicy.requiresMfa(method, path));
    }
}
