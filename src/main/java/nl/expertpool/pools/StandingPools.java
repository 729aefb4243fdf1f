package nl.expertpool.pools;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StandingPools extends JpaRepository<StandingPool, UUID> {

  boolean existsByNameIgnoreCase(String name);

  List<StandingPool> findAllByOrderByNameAsc();
}
