package cn.liaocheng.rdcoverage.review.material;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A file of an application's materials; its bytes are in the {@link AttachmentStore}, not here. */
@Entity
@Table(name = "application_attachment")
public class Attachment extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    public MaterialKind kind;

    public String fileName;

    public String mediaType;

    public long sizeBytes;

    public String sha256;

    public String note;

    public String uploadedBy;

    public Instant uploadedAt;
}
