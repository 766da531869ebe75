package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A visit: when, by whom, the build mode the enterprise plans and by when it expects its institution, what holds it back
 * (FUNDING 资金, TALENT 人才, SITE 场地, PARTNER 合作单位, OTHER 其他) and a note.
 */
@Schema(name = "FollowUpInput")
public record FollowUpInput(@NotNull LocalDate visitedOn, @NotBlank @Size(max = 200) String by,
                            BuildMode plannedBuildMode, LocalDate expectedBy,
                            @Size(max = 5) List<@NotNull Obstacle> obstacles, @Size(max = 2000) String note) {
}
