package nl.expertpool.pools;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The pools' own retention, every hour: a member who took part in no project of their pool for its
 * membership months leaves it (PoolMembership#endLapsed). While the database is away it waits for
 * the next hour.
 */
@Component
class MembershipLapse {

  private static final Logger log = LoggerFactory.getLogger(MembershipLapse.class);

  private final PoolMembership membership;

  MembershipLapse(PoolMembership membership) {
    this.membership = membership;
  }

  @Scheduled(
      initialDelayString = "${expertpool.pools.lapse-check:PT1H}",
      fixedDelayString = "${expertpool.pools.lapse-check:PT1H}")
  void hourly() {
    try {
      int ended = membership.endLapsed();
      if (ended > 0) {
        log.info("{} pool membership(s) ended after their pool's months without a project", ended);
      }
    } catch (DataAccessException e) {
      log.debug("Pool memberships not checked: the database is away", e);
    }
  }
}
