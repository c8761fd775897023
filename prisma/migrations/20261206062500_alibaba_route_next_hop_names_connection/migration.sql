-- Alibaba routes of a dual-tunnel connection were once stored naming the tunnel that carried them
-- (tun-...), which changes at every failover. The provider client now names the connection.
-- Stored copies are rewritten once, so that the next status poll does not read the rename as a
-- configuration change. The route of another connection (an active/standby pair) keeps its name.
UPDATE "VpnConnection" AS c
SET "normalized" = jsonb_set(
  c."normalized",
  '{routeWeights}',
  (
    SELECT jsonb_agg(
      CASE
        WHEN route ->> 'nextHop' LIKE 'tun-%' THEN jsonb_set(route, '{nextHop}', to_jsonb(c."externalId"))
        ELSE route
      END
      ORDER BY position
    )
    FROM jsonb_array_elements(c."normalized" -> 'routeWeights') WITH ORDINALITY AS routes(route, position)
  )
)
WHERE c."provider" = 'ALIBABA'
  AND jsonb_typeof(c."normalized" -> 'routeWeights') = 'array'
  AND EXISTS (
    SELECT 1
    FROM jsonb_array_elements(c."normalized" -> 'routeWeights') AS routes(route)
    WHERE route ->> 'nextHop' LIKE 'tun-%'
  );
