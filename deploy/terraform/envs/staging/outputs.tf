output "resource_group_name" {
  description = "GitHub variable AKS_RESOURCE_GROUP."
  value       = module.stack.resource_group_name
}

output "acr_login_server" {
  description = "GitHub variable ACR_LOGIN_SERVER."
  value       = module.stack.acr_login_server
}

output "aks_name" {
  description = "GitHub variable AKS_CLUSTER."
  value       = module.stack.aks_name
}

output "key_vault_uri" {
  description = "Helm externalSecrets.keyVaultUrl."
  value       = module.stack.key_vault_uri
}

output "workload_identity_client_id" {
  description = "GitHub variable WORKLOAD_IDENTITY_CLIENT_ID (Helm serviceAccount.workloadIdentityClientId)."
  value       = module.stack.workload_identity_client_id
}

output "github_deploy_client_id" {
  description = "GitHub environment variable AZURE_CLIENT_ID."
  value       = module.stack.github_deploy_client_id
}
