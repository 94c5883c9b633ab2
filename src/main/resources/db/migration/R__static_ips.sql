-- Static private IPv4 addresses: what the database itself refuses, and the tenant an address belongs to.
-- (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)

-- An address outside its pool, a pool's network or broadcast address, and an address for a SIM of another tenant than
-- the pool's are refused.
CREATE OR REPLACE FUNCTION check_sim_ip_address() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pool ip_pools;
BEGIN
    SELECT * INTO pool FROM ip_pools WHERE id = NEW.pool_id;
    IF NOT (NEW.address << pool.cidr) OR host(NEW.address) = host(network(pool.cidr))
            OR host(NEW.address) = host(broadcast(pool.cidr)) THEN
        RAISE EXCEPTION 'address % is not a host address of pool %', NEW.address, pool.cidr USING ERRCODE = '23514';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM sims WHERE iccid = NEW.iccid AND tenant_id = pool.tenant_id) THEN
        RAISE EXCEPTION 'SIM % does not belong to the tenant of pool %', NEW.iccid, pool.id USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER sim_ip_addresses_checked BEFORE INSERT OR UPDATE ON sim_ip_addresses
    FOR EACH ROW EXECUTE FUNCTION check_sim_ip_address();

-- An address carries its tenant (taken from the pool), so that its row-level security policy needs no join.
CREATE OR REPLACE FUNCTION sim_ip_address_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.tenant_id := (SELECT p.tenant_id FROM ip_pools p WHERE p.id = NEW.pool_id);
    RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER sim_ip_addresses_tenant BEFORE INSERT OR UPDATE ON sim_ip_addresses
    FOR EACH ROW EXECUTE FUNCTION sim_ip_address_tenant();
