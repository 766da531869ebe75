package cn.liaocheng.rdcoverage.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A supervision group as the city sets it: a name, its members (each the supervisorId of a token) and its regions. */
public record GroupInput(@NotBlank @Size(max = 200) String name,
                         @NotEmpty @Size(max = 100) List<@NotNull @Valid MemberInput> members,
                         @NotEmpty @Size(max = 20) List<@NotBlank String> regionCodes) {

    public record MemberInput(@NotBlank @Size(max = 100) String supervisorId, @Size(max = 100) String name) {
    }
}
