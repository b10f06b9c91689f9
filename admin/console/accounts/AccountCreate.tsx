import { Create, SimpleForm, TextInput, email, required } from 'react-admin';

export default function AccountCreate() {
  return (
    <Create title="New account" redirect="show">
      <SimpleForm>
        <TextInput source="email" type="email" validate={[required(), email()]} />
        <TextInput source="name" />
      </SimpleForm>
    </Create>
  );
}
