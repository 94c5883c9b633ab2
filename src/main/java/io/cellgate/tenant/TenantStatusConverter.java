package io.cellgate.tenant;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class TenantStatusConverter implements AttributeConverter<TenantStatus, String> {
    @Override
    public String convertToDatabaseColumn(TenantStatus status) {
        return status == null ? null : status.dbValue();
    }

    @Override
    public TenantStatus convertToEntityAttribute(String value) {
        return value == null ? null : TenantStatus.fromDb(value);
    }
}
