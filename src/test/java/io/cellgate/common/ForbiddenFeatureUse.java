package io.cellgate.common;

import io.cellgate.tenant.TenantService;

/** A fixture for ArchitectureRulesFailTest: common code that uses a feature, which the rules forbid. Never run. */
public class ForbiddenFeatureUse {
    TenantService tenants;
}
