package bench.bare;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entity, so that Hibernate ORM starts as it does in the service (the service's region table). */
@Entity
@Table(name = "region")
public class Probe extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
}
