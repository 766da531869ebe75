package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.ProblemMappers;
import cn.liaocheng.rdcoverage.common.RdConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of the historic register's entries that come before the declaration's own: each entry's constraints
 * (Bean Validation, so that one 400 lists the problems of every entry, not the first entry's only) and its
 * recognition date within the register's range ({@code rd.historic-register.from} .. {@code until}, not after
 * today); and the register being loaded once (an entry already stored: 409).
 */
@ApplicationScoped
public class HistoricEntries {
    @Inject Validator validator;
    @Inject RdConfig rd;
    @Inject Clock clock;

    /** The problems of entry {@code k} before its declaration is checked (fields prefixed {@code institutions[k].}). */
    List<Problem.FieldError> problems(int k, HistoricRegister.Entry entry) {
        String prefix = "institutions[" + k + "].";
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<HistoricRegister.Entry> v : validator.validate(entry)) {
            errors.add(ProblemMappers.fieldError(prefix, v));
        }
        errors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
        LocalDate on = entry.recognizedOn();
        LocalDate from = rd.historicRegister().from();
        LocalDate until = rd.historicRegister().until();
        LocalDate today = LocalDate.now(clock);
        if (on == null) {
            return errors;
        }
        if (on.isAfter(today)) {
            errors.add(new Problem.FieldError(prefix + "recognizedOn", FieldMessage.afterToday(today)));
        } else if (on.isAfter(until)) {
            errors.add(new Problem.FieldError(prefix + "recognizedOn", FieldMessage.of("must not be after " + until
                    + ", the day before the service went live: later recognitions are decided in a round", "field.INVALID.historic-after", until)));
        }
        if (on.isBefore(from)) {
            errors.add(new Problem.FieldError(prefix + "recognizedOn", FieldMessage.of("must not be before " + from
                    + ", the date of the policy (聊城市规模以上工业企业研发机构全覆盖行动方案)", "field.INVALID.historic-before", from)));
        }
        return errors;
    }

    /**
     * 409 {@code historic-register-loaded} when an entry is already stored (an institution of the same name,
     * participants and recognition date): the register is loaded once; the answer lists the entries and their ids.
     */
    void requireNotLoaded(List<Institution> entries) {
        Map<String, Object> loaded = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < entries.size(); k++) {
            Institution i = entries.get(k);
            String key = i.name + "|" + i.recognizedOn + "|" + i.participants;
            Institution stored = Institution.<Institution>list("name = ?1 and recognizedOn = ?2", i.name, i.recognizedOn).stream()
                    .filter(s -> s.participants.equals(i.participants)).findFirst().orElse(null);
            if (stored != null) {
                loaded.put("institutions[" + k + "]", stored.id.toString());
            } else if (!seen.add(key)) {
                loaded.put("institutions[" + k + "]", "repeated in this register");
            }
        }
        if (!loaded.isEmpty()) {
            throw ApiException.conflict("historic-register-loaded", loaded.size() + " of the " + entries.size()
                    + " entries are already loaded (the historic register is loaded once; nothing was stored): " + loaded.keySet(),
                    Map.of("alreadyLoaded", loaded)).zh("detail.historic-register-loaded", loaded.size(), entries.size());
        }
    }
}
