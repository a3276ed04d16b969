output "id" {
  description = "Resource ID of the cache (monitoring, diagnostics)."
  value       = azurerm_redis_cache.this.id
}

output "hostname" {
  description = "Private hostname of the cache."
  value       = azurerm_redis_cache.this.hostname
}
