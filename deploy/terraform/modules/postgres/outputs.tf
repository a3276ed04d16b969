output "id" {
  description = "Server resource ID (scope of metric alerts)."
  value       = azurerm_postgresql_flexible_server.this.id
}

output "fqdn" {
  description = "Private FQDN of the server."
  value       = azurerm_postgresql_flexible_server.this.fqdn
}

output "database_name" {
  description = "Database of the service."
  value       = azurerm_postgresql_flexible_server_database.app.name
}
