output "resource_group_name" {
  description = "Resource group of the environment (GitHub variable AKS_RESOURCE_GROUP)."
  value       = azurerm_resource_group.this.name
}

output "acr_login_server" {
  description = "Registry login server (GitHub variable ACR_LOGIN_SERVER)."
  value       = module.acr.login_server
}

output "aks_name" {
  description = "Cluster name (GitHub variable AKS_CLUSTER)."
  value       = module.aks.name
}

output "key_vault_uri" {
  description = "Key Vault URI (Helm externalSecrets.keyVaultUrl)."
  value       = module.keyvault.vault_uri
}

output "workload_identity_client_id" {
  description = "Helm serviceAccount.workloadIdentityClientId (GitHub variable WORKLOAD_IDENTITY_CLIENT_ID)."
  value       = module.keyvault.workload_identity_client_id
}

output "github_deploy_client_id" {
  description = "GitHub environment variable AZURE_CLIENT_ID."
  value       = module.github_oidc.client_id
}

output "postgres_fqdn" {
  description = "Private FQDN of PostgreSQL."
  value       = module.postgres.fqdn
}
