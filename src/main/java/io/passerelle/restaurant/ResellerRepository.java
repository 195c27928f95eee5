package io.passerelle.restaurant;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ResellerRepository extends JpaRepository<Reseller, Long> {

    boolean existsByNameIgnoreCase(String name);

    List<Reseller> findAllByOrderByNameAsc();
}
