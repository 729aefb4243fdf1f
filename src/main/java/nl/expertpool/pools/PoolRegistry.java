package nl.expertpool.pools;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.project.StandingPoolCheck;
import nl.expertpool.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The standing pools there are: made by project managers, chosen for a project when it starts. */
@Service
public class PoolRegistry implements StandingPoolCheck {

  private final StandingPools pools;
  private final AuditTrail audit;
  private final Clock clock;

  PoolRegistry(StandingPools pools, AuditTrail audit, Clock clock) {
    this.pools = pools;
    this.audit = audit;
    this.clock = clock;
  }

  /** Starts a pool; a name another pool has (in any case) is refused. */
  @Transactional
  public StandingPool create(NewPool pool, String actor) {
    String name = pool.name().strip();
    if (pools.existsByNameIgnoreCase(name)) {
      throw ApiException.invalid("name", "another standing pool has this name");
    }
    var created =
        pools.save(
            new StandingPool(
                name,
                pool.region().strip(),
                pool.certificationMonths() == null
                    ? NewPool.DEFAULT_CERTIFICATION_MONTHS
                    : pool.certificationMonths(),
                pool.membershipMonths() == null
                    ? NewPool.DEFAULT_MEMBERSHIP_MONTHS
                    : pool.membershipMonths(),
                clock.instant(),
                actor));
    audit.record(actor, "pool.created", AuditTrail.pool(created.getId()), created.getRegion());
    return created;
  }

  @Transactional(readOnly = true)
  public List<StandingPool> all() {
    return pools.findAllByOrderByNameAsc();
  }

  @Transactional(readOnly = true)
  public Optional<StandingPool> find(UUID id) {
    return pools.findById(id);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean exists(UUID id) {
    return pools.existsById(id);
  }
}
