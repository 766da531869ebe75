package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.eligibility.Tier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An amount per tier, {@code Map<Tier, yuan>}, the model of the city's awards (policy parameter {@code awards}),
 * stored as the same JSON object ({@code {"LARGE":100000.00,"MEDIUM":50000.00,"SMALL":20000.00}}), in yuan and fen.
 */
@Converter
public class TierAmountsConverter implements AttributeConverter<Map<Tier, BigDecimal>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Tier, BigDecimal>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<Tier, BigDecimal> amounts) {
        if (amounts == null) {
            return null;
        }
        Map<Tier, BigDecimal> fen = new EnumMap<>(Tier.class);
        amounts.forEach((tier, yuan) -> fen.put(tier, yuan.setScale(2, RoundingMode.UNNECESSARY)));
        try {
            return JSON.writeValueAsString(fen);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<Tier, BigDecimal> convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        try {
            return Collections.unmodifiableMap(new EnumMap<>(JSON.readValue(column, TYPE)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored county amounts are unreadable: " + column, e);
        }
    }
}
